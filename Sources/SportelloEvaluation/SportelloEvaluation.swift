/// The `SportelloEvaluation` layer of Sportello; see the README's code layout.
public enum SportelloEvaluationModule {}
