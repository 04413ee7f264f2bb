package io.github.cameldeck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The artifacts of a run ({@code include=artifacts}).
 */
public class Artifacts extends DeckObject {

    private List<Screenshot> screenshots = new ArrayList<>();

    public List<Screenshot> getScreenshots() {
        return screenshots;
    }

    public void setScreenshots(List<Screenshot> screenshots) {
        this.screenshots = screenshots != null ? screenshots : new ArrayList<>();
    }
}
