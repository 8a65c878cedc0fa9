package io.distillguard.format;

import static io.distillguard.format.ReaderTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.model.Account;
import io.distillguard.model.Exchange;
import io.distillguard.model.ModelRelease;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesTest {

    @TempDir
    Path dir;

    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void readsGzipByNameAndByMagic() throws IOException {
        String text = event("a", BODY, null) + "\n" + event("b", BODY, null) + "\nbroken\n";
        Path gz = dir.resolve("events.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Path disguised = dir.resolve("events-2.jsonl");
        Files.copy(gz, disguised);
        for (Path p : List.of(gz, disguised)) {
            List<Exchange> got = new ArrayList<>();
            List<Rejection> rej = new ArrayList<>();
            ReadStats s = ExchangeLogReader.builder().build().readEvents(p, got::add, rej::add);
            assertThat(got).extracting(Exchange::id).containsExactly("a", "b");
            assertThat(s.totalLines()).isEqualTo(3);
            assertThat(rej).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo("not_json");
                assertThat(r.source()).isEqualTo(p.toString());
                assertThat(r.lineNumber()).isEqualTo(3);
            });
        }
    }

    @Test
    void readsAccountsAndModels() throws IOException {
        Path accounts = dir.resolve("accounts.jsonl");
        Files.writeString(accounts, "{\"account_id\":\"acct_1\",\"created_at\":\"2026-01-01T00:00:00+01:00\",\"email_domain\":\"uni.edu\","
                + "\"email_local_shape\":\"aaaa.aaaa\",\"payment_fingerprint\":\"pf1\",\"payment_bin\":\"411111\",\"billing_country\":\"DE\","
                + "\"declared_country\":\"FR\",\"program\":\"education\",\"verified\":true,\"signup_ip\":\"198.51.100.1\",\"org_id\":\"o1\"}\n"
                + "{\"account_id\":\"acct_2\",\"created_at\":1767225600000}\n"
                + "{\"email_domain\":\"x\"}\n");
        List<Account> got = new ArrayList<>();
        List<Rejection> rej = new ArrayList<>();
        ReadStats s = ExchangeLogReader.builder().build().readAccounts(accounts, got::add, rej::add);
        assertThat(got).hasSize(2);
        Account a = got.get(0);
        assertThat(a.createdAtMillis()).isEqualTo(1767222000000L);
        assertThat(a.program()).isEqualTo("education");
        assertThat(a.verified()).isTrue();
        assertThat(a.paymentBin()).isEqualTo("411111");
        assertThat(got.get(1).createdAtMillis()).isEqualTo(1767225600000L);
        assertThat(s.rejectsByReason()).containsEntry("missing_field", 1L);

        Path models = dir.resolve("models.jsonl");
        Files.writeString(models, "{\"model\":\"frontier-1\",\"released_at\":\"2026-02-01T00:00:00Z\"}\n{\"model\":\"x\"}\n");
        List<ModelRelease> ms = new ArrayList<>();
        ReadStats ms1 = ExchangeLogReader.builder().build().readModels(models, ms::add, RejectSink.NONE);
        assertThat(ms).containsExactly(new ModelRelease("frontier-1", 1769904000000L));
        assertThat(ms1.rejected()).isEqualTo(1);
    }

    @Test
    void rejectedLinesWriterWritesOneEscapedObjectPerLine() throws IOException {
        Path out = dir.resolve("rejected.jsonl");
        try (RejectedLinesWriter w = new RejectedLinesWriter(out)) {
            w.reject(new Rejection("f", 3, 120, "not_json", "Unexpected character", "{\"a\":\u0001 \"quote\""));
            w.reject(new Rejection("f", 4, 200, "line_too_long", "line is 5 bytes"));
        }
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("{\"source\":\"f\",\"line\":3,\"byte_offset\":120,\"reason\":\"not_json\","
                + "\"detail\":\"Unexpected character\",\"excerpt\":\"{\\\"a\\\":\\u0001 \\\"quote\\\"\"}");
    }
}
