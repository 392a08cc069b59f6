package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.pool.browser.provider.Executables;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The html reporter's page, rendered by a real headless Chromium: a screenshot (kept in
 * {@code target/html-report.png}) shows the timeline's bars; the rendered DOM holds the counts, a lane per worker,
 * a bar per file, the results tree and the failures with their expected/actual.
 */
class HtmlReportIT {
  /** The colour of a passed file's bar in the timeline (#54aeff). */
  private static final int PASSED_BAR = 0x54aeff;

  @TempDir
  Path dir;

  @BeforeAll
  static void chromium() {
    BrowserIT.chromium();
  }

  @Test
  void theSampleSuitesReportRendersWithItsTimeline() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf() + "maxWorkers = 2\n");
    LanesCli.Result run = LanesCli.run(dir, "run", "--reporter", "default", "--reporter", "html",
        "--outputFile", "report/index.html");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("HTML report written to report/index.html");
    int files = Integer.parseInt(find(run.out(), "Test Files {2}(\\d+) passed"));
    Path page = dir.resolve("report/index.html");

    String dom = chromium(page, "--dump-dom");
    assertThat(dom).contains("<h1>Lanes report</h1>", "id=\"timeline\"", "id=\"results\"")
        .contains("data-file=\"dev.lanes.sample.MoneyTest\"")
        .contains("data-files-pass=\"" + files + "\"");
    assertThat(count(dom, "class=\"lane\"")).isEqualTo(2);
    assertThat(count(dom, "class=\"bar pass\"")).isEqualTo(files);
    assertThat(count(dom, "<details class=\"file pass\"")).isEqualTo(files);

    Path screenshot = dir.resolve("page.png");
    chromium(page, "--screenshot=" + screenshot);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image).as("the screenshot").isNotNull();
    assertThat(pixelsNear(image, PASSED_BAR)).as("pixels of the timeline's bars in the screenshot").isGreaterThan(500);
    Files.copy(screenshot, Path.of("target", "html-report.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void failuresShowTheirExpectedAndActualAndWhereTheyAre() throws Exception {
    OrchestrationSuite.write(dir, "");
    LanesCli.Result run = LanesCli.run(dir, "run", "--reporter", "html");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);

    String dom = chromium(dir.resolve("target/lanes-report/index.html"), "--dump-dom");
    assertThat(dom).contains("id=\"failures\"", "data-test=\"orch.BrokenTest &gt; multiplies()\"")
        .contains("- Expected: 6", "+ Received: 8", "at src/test/java/orch/BrokenTest.java:4").doesNotContain("<script");
    assertThat(count(dom, "class=\"bar fail\"")).isEqualTo(2);
  }

  /** Runs headless Chromium on the page with {@code option}; returns what it printed. */
  private String chromium(Path page, String option) throws IOException, InterruptedException {
    Path browser = Executables.browser(Optional.empty()).orElseThrow();
    Path output = Files.createTempFile(dir, "chromium", ".out");
    Process process = new ProcessBuilder(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chromium-profile"), option,
        page.toUri().toString()))
        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish " + option + " within 60 s");
    }
    return Files.readString(output);
  }

  private static long pixelsNear(BufferedImage image, int rgb) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int pixel = image.getRGB(x, y);
        if (Math.abs((pixel >> 16 & 0xff) - (rgb >> 16 & 0xff)) < 12 && Math.abs((pixel >> 8 & 0xff) - (rgb >> 8 & 0xff)) < 12
            && Math.abs((pixel & 0xff) - (rgb & 0xff)) < 12) {
          count++;
        }
      }
    }
    return count;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex + " in " + text).isTrue();
    return matcher.group(1);
  }
}
