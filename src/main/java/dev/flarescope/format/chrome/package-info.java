/**
 * Readers for the Chrome Trace Event Format: the JSON array and object forms
 * ({@link dev.flarescope.format.chrome.ChromeJsonReader}) and one event per line
 * ({@link dev.flarescope.format.chrome.ChromeJsonlReader}).
 *
 * <p>Both stream tokens with Jackson's {@code JsonParser} into a reused
 * {@link dev.flarescope.model.RawEvent}; neither builds a tree or a string of the whole input. Large
 * uncompressed inputs are split into byte ranges read on several threads, with each range checked
 * against its neighbour so that the result is the same as a sequential read.
 */
package dev.flarescope.format.chrome;
