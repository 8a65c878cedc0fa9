package io.distillguard.format;

import io.distillguard.model.Exchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads events from in-memory text and keeps everything for assertions. */
final class ReaderTestSupport {

    final List<Exchange> events = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    ReadStats stats;

    static ReaderTestSupport readEvents(String text) {
        return readEvents(ExchangeLogReader.builder().build(), text.getBytes(StandardCharsets.UTF_8));
    }

    static ReaderTestSupport readEvents(ExchangeLogReader reader, byte[] bytes) {
        ReaderTestSupport r = new ReaderTestSupport();
        try {
            r.stats = reader.readEvents(new ByteArrayInputStream(bytes), "test", r.events::add, r.rejections::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /** One event line with the given request body (and optional extra top-level fields). */
    static String event(String id, String requestJson, String extra) {
        return "{\"id\":\"" + id + "\",\"ts\":\"2026-02-10T03:14:07.120Z\",\"account_id\":\"a1\","
                + (extra == null ? "" : extra + ",") + "\"request\":" + requestJson + "}";
    }

    static Exchange one(String requestJson) {
        return one(requestJson, null);
    }

    static Exchange one(String requestJson, String extra) {
        ReaderTestSupport r = readEvents(event("r1", requestJson, extra) + "\n");
        if (r.events.size() != 1) {
            throw new AssertionError("expected one accepted event, got " + r.rejections);
        }
        return r.events.get(0);
    }
}
