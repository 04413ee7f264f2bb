package io.github.cameldeck.simulator.core;

import io.github.cameldeck.simulator.Source;

/**
 * Changing and deleting sources. A deleted source's credentials stay as they are, but runs against the source
 * (directly or through one of them) answer 404 {@code source_not_found}.
 */
public final class SourceChanges {

    private final SimulatorEngine engine;

    public SourceChanges(SimulatorEngine engine) {
        this.engine = engine;
    }

    /** Applies a partial update and records {@code source.updated}. */
    public Source update(String id, SourcePatch patch) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Source source = CatalogService.requireSource(state, id);
            String url = patch.url().or(source.url());
            if (url == null || url.isBlank()) {
                throw ApiException.inputInvalid("website.url", "`website.url` cannot be empty.");
            }
            Source changed = source.withDetails(patch.name().or(source.name()), url, now);
            state.sources.replace(changed);
            CatalogEvents.source(state, "source.updated", changed, now);
            return changed;
        });
    }

    /** Deletes the source and records {@code source.deleted}. */
    public void delete(String id) {
        engine.call(now -> {
            DeckState state = engine.state();
            Source source = CatalogService.requireSource(state, id);
            state.sources.remove(id);
            state.blockedSources.remove(id);
            CatalogEvents.source(state, "source.deleted", source, now);
            return null;
        });
    }
}
