package dev.canopy.query.property;

import java.util.stream.Collectors;

import tools.jackson.databind.node.ObjectNode;

/** Seeds of the property runs and the report of a failure. */
final class Seeds {

    private Seeds() {
    }

    /** {@code -Dcanopy.query.seed=N} replays a run; otherwise a fresh seed per run. */
    static long base() {
        String fixed = System.getProperty("canopy.query.seed");
        return fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.strip()) : System.nanoTime();
    }

    /** Valid queries the parser or compiler refused, by reason, each with one example. */
    static String refusals(java.util.Map<String, String> refused) {
        if (refused.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nvalid queries refused (other than 'not supported yet'):");
        refused.forEach((reason, query) -> text.append("\n  ").append(reason).append("\n    e.g. ").append(query));
        return text.toString();
    }

    static String report(long seed, int queryIndex, Shrinker.Shrunk shrunk, String original) {
        return "PostgreSQL and the reference disagree (seed " + seed + ", query " + queryIndex
                + "; replay with -Dcanopy.query.seed=" + seed + ")\n"
                + "shrunk in " + shrunk.checks() + " checks to:\n"
                + "documents:\n" + shrunk.documents().stream().map(ObjectNode::toString)
                .collect(Collectors.joining("\n  ", "  ", "\n"))
                + "query: " + shrunk.query() + "\n"
                + shrunk.failure() + "\n"
                + "original failure:\n" + original;
    }
}
