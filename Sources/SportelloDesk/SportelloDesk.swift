/// The `SportelloDesk` layer of Sportello; see the README's code layout.
public enum SportelloDeskModule {}
