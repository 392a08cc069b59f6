package dev.lanes.pool.browser.chromium;

import com.google.auto.service.AutoService;
import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserProvider;
import dev.lanes.pool.browser.provider.LaunchOptions;
import dev.lanes.pool.browser.provider.ProcessOutput;
import dev.lanes.pool.browser.provider.Reaper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code provider = chromium}, the default: starts Chromium itself and opens pages through the DevTools protocol
 * over {@code --remote-debugging-pipe}. No dependencies, the fastest to start (Vitest's {@code preview}, with
 * headless pages), and no port: the DevTools channel is a pipe that only this JVM holds, so no other local user can
 * drive the browser.
 */
@AutoService(BrowserProvider.class)
public final class ChromiumProvider implements BrowserProvider {
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String name() {
    return "chromium";
  }

  @Override
  public BrowserInstance launch(LaunchOptions options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(options.browser().toString());
    command.addAll(options.flags());
    if (options.headless()) {
      command.add("--headless");
    }
    command.add("--user-data-dir=" + options.userDataDir());
    command.add("--remote-debugging-pipe");
    command.addAll(options.args());
    command.add("about:blank");
    Reaper process = Reaper.startWithPipe(command, options.folder(), Map.of());
    ProcessOutput output = ProcessOutput.read(process.output(), null, "lanes-chromium-output");
    Cdp cdp = null;
    try {
      cdp = Cdp.over(process.openPipe(START_TIMEOUT));
      cdp.call("Browser.getVersion", Map.of(), null, START_TIMEOUT); // answered once the browser is up
      return new ChromiumBrowser(process, cdp, output);
    } catch (IOException | RuntimeException e) {
      if (cdp != null) {
        cdp.close();
      }
      process.end();
      throw new IOException("Chromium (" + options.browser() + ") did not start: " + e.getMessage()
          + output.lastLines() + LaunchOptions.sandboxHint(output.lastLines()), e);
    }
  }
}
