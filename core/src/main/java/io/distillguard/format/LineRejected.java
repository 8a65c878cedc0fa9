package io.distillguard.format;

/** Thrown inside the parsers when a line must be rejected; stackless because it is ordinary control flow. */
final class LineRejected extends Exception {

    private static final long serialVersionUID = 1L;

    final RejectReason reason;

    LineRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }
}
