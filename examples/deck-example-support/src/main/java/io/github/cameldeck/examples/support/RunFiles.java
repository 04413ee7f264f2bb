package io.github.cameldeck.examples.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of one run: the storage ids Deck listed for it (unknown until listed) and the files the demo saved, keyed
 * by storage id. The run's files are all saved once every listed id was saved.
 */
final class RunFiles {

    private Set<String> listed;
    private final Map<String, DemoSummary.SavedFile> saved = new LinkedHashMap<>();

    /** The storage ids Deck listed for the run. */
    void listed(Collection<String> storageIds) {
        listed = Set.copyOf(storageIds);
    }

    /** A file the demo saved; a later save of the same storage id replaces it. */
    void saved(String storageId, DemoSummary.SavedFile file) {
        saved.put(storageId, file);
    }

    /** Whether the run's files were listed and each of them saved. */
    boolean allSaved() {
        return listed != null && saved.keySet().containsAll(listed);
    }

    List<DemoSummary.SavedFile> saved() {
        return new ArrayList<>(saved.values());
    }
}
