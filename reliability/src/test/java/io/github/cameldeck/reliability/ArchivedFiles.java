package io.github.cameldeck.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.TaskRunStatus;
import org.apache.camel.Exchange;

/**
 * The files a {@code deck:storageItems} route wrote with {@code file:}: how often each storage id arrived, where its
 * bytes went, and whether they are the bytes the simulator serves.
 */
final class ArchivedFiles {

    private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Path> written = new ConcurrentHashMap<>();

    /** Records an exchange of the route after its {@code file:} endpoint wrote the body. */
    void record(Exchange exchange) {
        String storageId = exchange.getIn().getHeader(DeckConstants.STORAGE_ID, String.class);
        arrivals.merge(storageId, 1, Integer::sum);
        written.put(storageId, Path.of(exchange.getIn().getHeader(Exchange.FILE_NAME_PRODUCED, String.class)));
    }

    /** The storage ids of every file of every completed run of the task, as the simulator holds them. */
    static Set<String> expected(DeckSimulator sim, String taskId) {
        return sim.taskRuns().stream()
                .filter(run -> run.taskId().equals(taskId) && run.runStatus() == TaskRunStatus.COMPLETED)
                .flatMap(run -> run.storage().stream())
                .map(StorageItem::id)
                .collect(Collectors.toSet());
    }

    boolean hasAll(Set<String> expected) {
        return arrivals.keySet().containsAll(expected);
    }

    /** Distinct files arrived, expected or not. */
    int arrived() {
        return arrivals.size();
    }

    long arrivedMoreThanOnce() {
        return arrivals.values().stream().filter(count -> count > 1).count();
    }

    long missing(Set<String> expected) {
        return expected.stream().filter(id -> !arrivals.containsKey(id)).count();
    }

    long unexpected(Set<String> expected) {
        return arrivals.keySet().stream().filter(id -> !expected.contains(id)).count();
    }

    /** Files whose bytes on disk do not have the SHA-256 of {@code sim.fileContent(id)} (a file not on disk counts). */
    long checksumMismatches(DeckSimulator sim) {
        return written.entrySet().stream()
                .filter(file -> !Arrays.equals(sha256(file.getValue()), sha256(sim.fileContent(file.getKey()))))
                .count();
    }

    private static byte[] sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return new byte[0];
        }
        try {
            return sha256(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(InputStream content) {
        try (InputStream in = content;
                DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(),
                        MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(digest);
            return digest.getMessageDigest().digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
