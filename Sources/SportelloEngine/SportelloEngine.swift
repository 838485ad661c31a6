/// The `SportelloEngine` layer of Sportello; see the README's code layout.
public enum SportelloEngineModule {}
