/**
 * Readers for the Chrome Trace Event Format: the JSON array and object forms
 * ({@link dev.flarescope.format.chrome.ChromeJsonReader}) and one event per line
 * ({@link dev.flarescope.format.chrome.ChromeJsonlReader}).
 *
 * <p>Both decode into a reused {@link dev.flarescope.model.RawEvent}; neither builds a tree or a string
 * of the whole input. On files and in-memory bodies, events are decoded straight from their bytes
 * ({@code EventScanner}) and Jackson's {@code JsonParser} handles the rest of the document and every
 * event the scanner leaves to it, so results are those of a Jackson-only read; compressed inputs are
 * read with Jackson alone. Large uncompressed inputs are split into byte ranges read on several
 * threads, with each range checked against its neighbour so that the result is the same as a
 * sequential read.
 */
package dev.flarescope.format.chrome;
