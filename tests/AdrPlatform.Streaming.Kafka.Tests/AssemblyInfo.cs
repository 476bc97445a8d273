// Each test runs its own Orleans cluster and Kafka mock cluster and they share the static EventLog.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
