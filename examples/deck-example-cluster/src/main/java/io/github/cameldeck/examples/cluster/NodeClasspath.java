package io.github.cameldeck.examples.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of the node JVMs the demo starts. Under Maven ({@code exec:java}, surefire) the demo's own JVM does
 * not have a usable one ({@code exec:java} runs inside Maven's), so the build writes the runtime dependencies to the
 * file named by {@value #FILE_PROPERTY} (maven-dependency-plugin {@code build-classpath}), and this module's classes are
 * added in front. Without that property (an IDE, {@code java -cp ...}) the demo's own classpath is used.
 */
public final class NodeClasspath {

    public static final String FILE_PROPERTY = "cluster.node-classpath-file";

    private NodeClasspath() {
    }

    public static String resolve() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return System.getProperty("java.class.path");
        }
        Path dependencies = Path.of(file);
        if (!Files.isRegularFile(dependencies)) {
            throw new IllegalStateException(dependencies + " does not exist: build the module first (mvn -B -q install"
                    + " -DskipTests at the root, or mvn -B -q -f examples/deck-example-cluster package -DskipTests)");
        }
        try {
            Path classes = Path.of(DeckClusterNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes + File.pathSeparator + Files.readString(dependencies).trim();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot build the node classpath from " + dependencies, e);
        }
    }
}
