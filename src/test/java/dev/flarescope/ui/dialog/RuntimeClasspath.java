package dev.flarescope.ui.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The libraries the app needs at run time, found without Maven: the project's own non-test
 * dependencies from pom.xml, then theirs from the {@code .pom} beside each jar on the test classpath,
 * and so on. Dependencies not on the classpath (excluded, optional, or for another platform) are not
 * followed; test-scoped and optional ones are skipped, so what only the tests use stays out.
 */
final class RuntimeClasspath {
    /** {@code group:artifact} to the folder in the local repository holding its jar. */
    private final Map<String, Path> jars = new HashMap<>();

    RuntimeClasspath(String classpath) {
        for (String entry : classpath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path versionDir = jar.getParent();
            if (!entry.endsWith(".jar") || versionDir == null || versionDir.getParent() == null) {
                continue;
            }
            Path artifactDir = versionDir.getParent();
            Path pom = versionDir.resolve(artifactDir.getFileName() + "-" + versionDir.getFileName() + ".pom");
            String group = groupOf(pom);
            if (group != null) {
                jars.put(group + ":" + artifactDir.getFileName(), versionDir);
            }
        }
    }

    /** {@code group:artifact:version} of every library reachable from {@code projectPom}'s runtime dependencies. */
    Set<String> runtimeLibraries(Path projectPom) throws Exception {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(runtimeDependencies(projectPom));
        while (!todo.isEmpty()) {
            String ga = todo.pop();
            Path dir = jars.get(ga);
            if (dir == null || !seen.add(ga + ":" + dir.getFileName())) {
                continue;
            }
            String artifact = dir.getParent().getFileName().toString();
            todo.addAll(runtimeDependencies(dir.resolve(artifact + "-" + dir.getFileName() + ".pom")));
        }
        return seen;
    }

    /** {@code group:artifact} of the compile and runtime dependencies {@code pom} declares. */
    private static List<String> runtimeDependencies(Path pom) throws Exception {
        Document doc = parse(pom);
        Element project = doc.getDocumentElement();
        Element dependencies = child(project, "dependencies");
        if (dependencies == null) {
            return List.of();
        }
        String ownGroup = groupOf(pom);
        NodeList list = dependencies.getElementsByTagName("dependency");
        List<String> result = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            String scope = text(d, "scope", "compile");
            if (scope.equals("test") || scope.equals("provided") || text(d, "optional", "false").equals("true")) {
                continue;
            }
            String group = text(d, "groupId", "").replace("${project.groupId}", ownGroup);
            result.add(group + ":" + text(d, "artifactId", ""));
        }
        return result;
    }

    /** The groupId of {@code pom}, inherited from its parent when it names none; null when there is no pom. */
    private static String groupOf(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return null;
        }
        try {
            Element project = parse(pom).getDocumentElement();
            Element own = child(project, "groupId");
            if (own != null) {
                return own.getTextContent().trim();
            }
            Element parent = child(project, "parent");
            return parent == null ? null : text(parent, "groupId", null);
        } catch (Exception e) {
            return null;
        }
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name, String otherwise) {
        Element e = child(parent, name);
        return e == null ? otherwise : e.getTextContent().trim();
    }
}
