package dev.flarescope.ui.dialog;

import java.util.Optional;

/**
 * One line of {@code THIRD-PARTY.txt}: a component shipped with Flarescope, its licence and where its
 * source and licence text are.
 *
 * @param component Maven coordinates ({@code group:artifact:version}) for a library, or a description
 *                  for anything else (the Java runtime the installers bundle)
 * @param licence   an SPDX licence expression
 * @param url       the project's page
 */
public record ThirdPartyNotice(String component, String licence, String url) {

    /**
     * Parses {@code component | licence | url}.
     *
     * @throws IllegalArgumentException when the line does not have these three fields
     */
    public static ThirdPartyNotice parse(String line) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
            throw new IllegalArgumentException("'" + line + "': expected component | licence | url");
        }
        return new ThirdPartyNotice(fields[0].trim(), fields[1].trim(), fields[2].trim());
    }

    /** The coordinates split into group, artifact and version, when the component is a library. */
    public Optional<String[]> coordinates() {
        String[] parts = component.split(":");
        return parts.length == 3 && !component.contains(" ") ? Optional.of(parts) : Optional.empty();
    }

    /** {@code artifact} for a library, the whole description otherwise. */
    public String name() {
        return coordinates().map(c -> c[1]).orElse(component);
    }

    /** The library's version, or empty for anything else. */
    public String version() {
        return coordinates().map(c -> c[2]).orElse("");
    }
}
