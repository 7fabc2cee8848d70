package dev.canopy.server.inventory.job;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.inventory.job.JobService.JobRequests;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code inventory.Job} and {@code inventory.JobTask}. */
@Component
class JobVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    JobVerbs(JobService jobs) {
        verbs = List.of(
                Verb.of("inventory", "Job", "get", "Reads a collection job: status, task counts and resource counts",
                        JobRequests.JobId.class, ObjectNode.class, jobs::get),
                Verb.of("inventory", "Job", "list", "Lists collection jobs, newest first",
                        JobRequests.JobList.class, ListResult.class, jobs::list),
                Verb.of("inventory", "Job", "stat", "Computes statistics over collection jobs",
                        JobRequests.JobStat.class, StatResult.class, jobs::stat),
                Verb.of("inventory", "Job", "cancel", "Cancels a job: pending tasks at once, running ones at their next batch",
                        JobRequests.JobId.class, ObjectNode.class, jobs::cancel),
                Verb.of("inventory", "Job", "delete", "Deletes an ended job and its tasks",
                        JobRequests.JobId.class, ObjectNode.class, jobs::delete),
                Verb.of("inventory", "JobTask", "get", "Reads a task: one service account's collection, its counts and errors",
                        JobRequests.JobTaskId.class, ObjectNode.class, jobs::getTask),
                Verb.of("inventory", "JobTask", "list", "Lists tasks, of one job when job_id is given",
                        JobRequests.JobTaskList.class, ListResult.class, jobs::listTasks),
                Verb.of("inventory", "JobTask", "stat", "Computes statistics over tasks",
                        JobRequests.JobStat.class, StatResult.class, jobs::statTasks));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
