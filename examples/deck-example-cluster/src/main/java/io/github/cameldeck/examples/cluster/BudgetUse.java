package io.github.cameldeck.examples.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the nodes together spent the Deck organization's request budget, as the simulator counted it: every request of
 * every node arrives at the same simulator, as at Deck.
 *
 * @param limit         the organization's limit per window
 * @param window        the window
 * @param busiestWindow the most requests that arrived in one window, from all nodes together (those answered 429 too)
 * @param rateLimited   requests answered 429 rate_limit_exceeded
 * @param requests      every request the nodes sent
 * @param runsStarted   the runs the nodes' runTask routes started
 */
public record BudgetUse(int limit, Duration window, long busiestWindow, long rateLimited, long requests,
        int runsStarted) {

    /** Over the limit in some window, or answered 429. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (busiestWindow > limit) {
            problems.add("the nodes sent " + busiestWindow + " requests in one window of " + window.toSeconds()
                    + " s; the organization's limit is " + limit);
        }
        if (rateLimited > 0) {
            problems.add(rateLimited + " requests were answered 429 rate_limit_exceeded");
        }
        return problems;
    }
}
