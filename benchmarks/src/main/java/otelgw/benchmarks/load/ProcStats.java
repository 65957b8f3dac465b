package otelgw.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's /proc says about a process: CPU time (utime + stime, in clock ticks of {@link
 * #CLOCK_TICKS_PER_SECOND}) and resident memory.
 */
final class ProcStats {

  /** {@code getconf CLK_TCK}: 100 on every Linux this runs on (checked at start). */
  static final int CLOCK_TICKS_PER_SECOND = 100;

  private ProcStats() {}

  /** utime + stime of {@code pid}, in clock ticks. */
  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** Peak resident set size (VmHWM) of {@code pid}, in bytes. */
  static long peakRssBytes(long pid) throws IOException {
    return statusKb(pid, "VmHWM:") * 1024;
  }

  /** Resident set size (VmRSS) of {@code pid}, in bytes. */
  static long rssBytes(long pid) throws IOException {
    return statusKb(pid, "VmRSS:") * 1024;
  }

  private static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException(field + " not in /proc/" + pid + "/status");
  }
}
