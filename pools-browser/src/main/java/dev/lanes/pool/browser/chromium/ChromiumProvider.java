package dev.lanes.pool.browser.chromium;

import com.google.auto.service.AutoService;
import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserProvider;
import dev.lanes.pool.browser.provider.LaunchOptions;
import dev.lanes.pool.browser.provider.ProcessOutput;
import dev.lanes.pool.browser.provider.Reaper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code provider = chromium}, the default: starts Chromium itself and opens pages through the DevTools protocol
 * over the JDK's WebSocket client. No dependencies, and the fastest to start (Vitest's {@code preview}, with
 * headless pages).
 */
@AutoService(BrowserProvider.class)
public final class ChromiumProvider implements BrowserProvider {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public String name() {
    return "chromium";
  }

  @Override
  public BrowserInstance launch(LaunchOptions options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(options.browser().toString());
    command.addAll(LaunchOptions.FLAGS);
    if (options.headless()) {
      command.add("--headless");
    }
    command.add("--user-data-dir=" + options.userDataDir());
    command.add("--remote-debugging-port=0");
    command.add("--remote-debugging-address=127.0.0.1");
    command.addAll(options.args());
    command.add("about:blank");
    Reaper process = Reaper.start(command, options.folder(), Map.of());
    ProcessOutput output = ProcessOutput.read(process.output(), LISTENING, "lanes-chromium-output");
    try {
      URI devtools = URI.create(output.await(START_TIMEOUT));
      return new ChromiumBrowser(process, Cdp.connect(devtools, START_TIMEOUT), output);
    } catch (IOException | RuntimeException e) {
      process.end();
      throw new IOException("Chromium (" + options.browser() + ") did not start: " + e.getMessage(), e);
    }
  }
}
