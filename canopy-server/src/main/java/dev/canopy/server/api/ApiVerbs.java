package dev.canopy.server.api;

import java.util.List;

/** Implemented by a bean of each module that serves verbs: the verbs it contributes to the API. */
public interface ApiVerbs {

    List<Verb<?, ?>> verbs();
}
