package org.keagen.source.netbox;

/** The sink that drops everything. */
enum NoProgress implements ProgressSink {
  INSTANCE;

  @Override
  public void progress(String stage, long done, long total) {}

  @Override
  public void warning(String message) {}
}
