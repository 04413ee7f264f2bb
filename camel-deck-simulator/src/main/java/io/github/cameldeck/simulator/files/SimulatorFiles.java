package io.github.cameldeck.simulator.files;

import io.github.cameldeck.simulator.Screenshot;
import io.github.cameldeck.simulator.TaskRunState;
import io.github.cameldeck.simulator.core.ApiException;
import io.github.cameldeck.simulator.core.RunService;

/** Finds the files the simulated runs produced: storage items and screenshots. */
public final class SimulatorFiles {

    private final RunService runs;

    public SimulatorFiles(RunService runs) {
        this.runs = runs;
    }

    /** The storage item's file, or null if there is no such item. */
    public HostedFile storage(String storageId) {
        try {
            return HostedFile.of(runs.storageItem(storageId));
        } catch (ApiException e) {
            return null;
        }
    }

    /** The run's screenshot with this number (from 1), or null if there is no such run or screenshot. */
    public HostedFile screenshot(String runId, int sequence) {
        TaskRunState run;
        try {
            run = runs.get(runId);
        } catch (ApiException e) {
            return null;
        }
        for (Screenshot s : run.screenshots()) {
            if (s.sequence() == sequence) {
                return HostedFile.of(runId, s);
            }
        }
        return null;
    }

    HostedFile find(FileAddress address) {
        if (address.isScreenshot()) {
            return screenshot(address.runId(), address.sequence());
        }
        HostedFile file = storage(address.storageId());
        return file != null && file.fileName().equals(address.fileName()) ? file : null;
    }
}
