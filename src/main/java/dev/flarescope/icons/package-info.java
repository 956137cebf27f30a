/**
 * The application icon and the small icons of actions and severities, loaded from the PNGs rendered
 * from the SVG masters in the project's {@code icons/} folder (see {@code icons/render.sh}).
 */
package dev.flarescope.icons;
