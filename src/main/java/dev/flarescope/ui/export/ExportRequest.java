package dev.flarescope.ui.export;

/**
 * What the user asked the Export dialog for.
 *
 * @param window whether the whole window is pictured rather than the current view
 * @param scale  pixels per logical pixel (1 or 2)
 * @param action what to do with the picture
 */
public record ExportRequest(boolean window, double scale, Action action) {
    /** Where the picture goes. */
    public enum Action { SAVE, COPY }
}
