package io.github.cameldeck.examples.cluster;

/** One line of a leadership log: {@code <epochMillis> <nodeId> leader|follower}. */
public record LeadershipChange(long at, String nodeId, boolean leader) {

    static LeadershipChange parse(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 3 || !(fields[2].equals("leader") || fields[2].equals("follower"))) {
            throw new IllegalArgumentException("Not a leadership line: " + line);
        }
        return new LeadershipChange(Long.parseLong(fields[0]), fields[1], fields[2].equals("leader"));
    }
}
