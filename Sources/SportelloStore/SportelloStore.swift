/// The `SportelloStore` layer of Sportello; see the README's code layout.
public enum SportelloStoreModule {}
