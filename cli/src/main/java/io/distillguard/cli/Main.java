package io.distillguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code distillguard} command line. */
@Command(name = "distillguard",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Detect and stop distillation campaigns in LLM API traffic.",
        subcommands = {
            CommandLine.HelpCommand.class,
            EvaluateCommand.class,
            ValidateCommand.class,
            BenchCommand.class,
            SimulateCommand.class,
            BaselineCommand.class,
            NetworkCommand.class,
            ReportCommand.class,
            ScanCommand.class,
            DemoCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"distillguard " + p.getProperty("version", "unknown")};
        }
    }
}
