package dev.lanes.spi;

/** A reporter as a plug-in, found with {@link java.util.ServiceLoader} and selected by name ({@code reporters = [json]}). */
public interface ReporterProvider {
  String name();

  Reporter create(ReporterOptions options);
}
