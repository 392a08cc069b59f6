package dev.lanes.faults;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FloodingTest {
  @Test
  void floodsStdoutAndWritesRawBytesToFileDescriptor1() throws Exception {
    char[] line = new char[1023];
    Arrays.fill(line, 'x');
    String text = new String(line);
    // 64 MB through System.out: 8 times what a file's output may keep, and well inside the fixtures' 2 s testTimeout
    // on a busy 2-core machine (200 MB once took 2.8 s there, and the flood itself failed as timed out)
    for (int i = 0; i < 64 * 1024; i++) {
      System.out.println(text);
    }
    // raw bytes, as native code would write them: in a forked worker they must not reach the channel
    boolean forked = System.getProperty("lanes.worker", "").startsWith("forks");
    byte[] raw = new byte[forked ? 8 * 1024 * 1024 : 64];
    Arrays.fill(raw, (byte) '{');
    FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);
    fd1.write(raw);
    fd1.write('\n');
    fd1.flush();
  }
}
