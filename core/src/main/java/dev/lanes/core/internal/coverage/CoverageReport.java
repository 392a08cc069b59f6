package dev.lanes.core.internal.coverage;

import dev.lanes.core.CoverageSettings;
import dev.lanes.spi.Coverage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ICoverageVisitor;
import org.jacoco.core.analysis.IPackageCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.FileMultiReportOutput;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.ISourceFileLocator;
import org.jacoco.report.MultiSourceFileLocator;
import org.jacoco.report.csv.CSVFormatter;
import org.jacoco.report.html.HTMLFormatter;
import org.jacoco.report.xml.XMLFormatter;

/**
 * The coverage of a run, made from JaCoCo's execution data with JaCoCo's own analysis and reports: the HTML report
 * people click through, {@code jacoco.xml} (Codecov, Sonar), {@code jacoco.csv}, and a table on the console, per
 * package; then the thresholds, below which the run fails.
 */
public final class CoverageReport {
  /** Covered and total lines and branches of the whole report. */
  public record Totals(int linesCovered, int lines, int branchesCovered, int branches) {
    double linePercent() {
      return percent(linesCovered, lines);
    }

    double branchPercent() {
      return percent(branchesCovered, branches);
    }
  }

  private final CoverageSettings settings;
  private final List<Path> classFolders;
  private final List<Path> sourceFolders;

  /**
   * A report over the classes in {@code classFolders} (the projects' main classes: test classes are not measured),
   * with the sources in {@code sourceFolders} where they exist.
   */
  public CoverageReport(CoverageSettings settings, Collection<Path> classFolders, Collection<Path> sourceFolders) {
    this.settings = settings;
    this.classFolders = List.copyOf(new LinkedHashSet<>(classFolders));
    this.sourceFolders = sourceFolders.stream().filter(Files::isDirectory).distinct().toList();
  }

  /** Writes the configured reports from the execution data in {@code data}; returns the totals. */
  public Totals write(byte[] data, PrintStream console) throws IOException {
    ExecFileLoader loader = new ExecFileLoader();
    loader.load(new ByteArrayInputStream(data));
    CoverageBuilder builder = new CoverageBuilder();
    Coverage measured = new Coverage(settings.executionData(), settings.includes(), settings.excludes());
    Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), measuredOnly(builder, measured));
    for (Path folder : classFolders) {
      if (Files.isDirectory(folder)) {
        analyzer.analyzeAll(folder.toFile());
      }
    }
    IBundleCoverage bundle = builder.getBundle("Coverage");
    Files.createDirectories(settings.reportsDirectory());
    List<String> written = new ArrayList<>();
    for (String reporter : settings.reporters()) {
      switch (reporter) {
        case "html" -> {
          IReportVisitor html = new HTMLFormatter().createVisitor(new FileMultiReportOutput(
              settings.reportsDirectory().toFile()));
          visit(html, loader, bundle);
          written.add("index.html");
        }
        case "xml" -> {
          try (OutputStream out = Files.newOutputStream(settings.reportsDirectory().resolve("jacoco.xml"))) {
            visit(new XMLFormatter().createVisitor(out), loader, bundle);
          }
          written.add("jacoco.xml");
        }
        case "csv" -> {
          try (OutputStream out = Files.newOutputStream(settings.reportsDirectory().resolve("jacoco.csv"))) {
            visit(new CSVFormatter().createVisitor(out), loader, bundle);
          }
          written.add("jacoco.csv");
        }
        case "text" -> table(bundle, console);
        default -> throw new IllegalArgumentException("unknown coverage report: " + reporter);
      }
    }
    Totals totals = new Totals(bundle.getLineCounter().getCoveredCount(), bundle.getLineCounter().getTotalCount(),
        bundle.getBranchCounter().getCoveredCount(), bundle.getBranchCounter().getTotalCount());
    if (!written.isEmpty()) {
      console.println(" % Coverage report written to " + display(settings.reportsDirectory()) + " ("
          + String.join(", ", written) + ")");
    }
    return totals;
  }

  /** What falls short of the thresholds, in Vitest's words; empty when nothing does. */
  public List<String> belowThresholds(Totals totals) {
    List<String> problems = new ArrayList<>();
    settings.lines().ifPresent(required -> {
      if (totals.linePercent() < required) {
        problems.add("ERROR: Coverage for lines (" + format(totals.linePercent()) + "%) does not meet the threshold ("
            + format(required) + "%): " + totals.linesCovered() + " of " + totals.lines() + " lines covered");
      }
    });
    settings.branches().ifPresent(required -> {
      if (totals.branchPercent() < required) {
        problems.add("ERROR: Coverage for branches (" + format(totals.branchPercent()) + "%) does not meet the "
            + "threshold (" + format(required) + "%): " + totals.branchesCovered() + " of " + totals.branches()
            + " branches covered");
      }
    });
    return problems;
  }

  private void visit(IReportVisitor visitor, ExecFileLoader loader, IBundleCoverage bundle) throws IOException {
    visitor.visitInfo(loader.getSessionInfoStore().getInfos(), loader.getExecutionDataStore().getContents());
    visitor.visitBundle(bundle, sources());
    visitor.visitEnd();
  }

  private ISourceFileLocator sources() {
    MultiSourceFileLocator locator = new MultiSourceFileLocator(4);
    for (Path folder : sourceFolders) {
      locator.add(new DirectorySourceFileLocator(folder.toFile(), "UTF-8", 4));
    }
    return locator;
  }

  /** The console's table: a line per package, then the total, lines and branches in percent. */
  private static void table(IBundleCoverage bundle, PrintStream console) {
    List<IPackageCoverage> packages = new ArrayList<>(bundle.getPackages());
    packages.sort(Comparator.comparing(IPackageCoverage::getName));
    int width = Math.max(20, packages.stream().mapToInt(p -> name(p).length()).max().orElse(0));
    String rule = "-".repeat(width) + "-|---------|----------|" + "-".repeat(16);
    console.println();
    console.println(" % Coverage report from JaCoCo");
    console.println(rule);
    console.println(pad("Package", width) + " | % Lines | % Branch | Uncovered lines");
    console.println(rule);
    for (IPackageCoverage pkg : packages) {
      console.println(row(name(pkg), width, pkg.getLineCounter(), pkg.getBranchCounter()));
    }
    console.println(rule);
    console.println(row("All files", width, bundle.getLineCounter(), bundle.getBranchCounter()));
    console.println(rule);
  }

  private static String row(String name, int width, ICounter lines, ICounter branches) {
    return pad(name, width) + " | " + padLeft(cell(lines), 7) + " | " + padLeft(cell(branches), 8) + " | "
        + padLeft(String.valueOf(lines.getMissedCount()), 15);
  }

  private static String name(IPackageCoverage pkg) {
    return pkg.getName().isEmpty() ? "(default package)" : pkg.getName().replace('/', '.');
  }

  private static String cell(ICounter counter) {
    return counter.getTotalCount() == 0 ? "-" : format(percent(counter.getCoveredCount(), counter.getTotalCount()));
  }

  private static double percent(int covered, int total) {
    return total == 0 ? 100.0 : 100.0 * covered / total;
  }

  /** Our own figures in one format whatever the tests did to the default locale. */
  private static String format(double percent) {
    return String.format(Locale.ROOT, "%.2f", percent);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String padLeft(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  private static String display(Path folder) {
    Path here = Path.of("").toAbsolutePath();
    return folder.startsWith(here) ? here.relativize(folder).toString() : folder.toString();
  }

  /** The classes JaCoCo analyzes, less those the run does not measure ({@code coverage.include}/{@code exclude}). */
  private static ICoverageVisitor measuredOnly(CoverageBuilder builder, Coverage measured) {
    return coverage -> {
      if (measured.measures(coverage.getName().replace('/', '.'))) {
        builder.visitCoverage(coverage);
      }
    };
  }

  /** The class folders of a class path that are not test class folders. */
  public static List<Path> mainClassFolders(List<Path> classpath, List<Path> testClassDirs) {
    List<Path> folders = new ArrayList<>();
    for (Path entry : classpath) {
      Path normalized = entry.toAbsolutePath().normalize();
      if (Files.isDirectory(normalized) && testClassDirs.stream()
          .noneMatch(test -> test.toAbsolutePath().normalize().equals(normalized))) {
        folders.add(normalized);
      }
    }
    return folders;
  }

  /** A file's bytes, or none when it does not exist. */
  public static byte[] read(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
  }
}
