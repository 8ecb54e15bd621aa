package id.lumbung.platform.dci;

/**
 * A request refused at the DCI message layer, with the spec's {@code err.*} code. It never reaches the
 * problem+json mappers: the DCI resource answers it in the spec's own shapes (see {@link DciMessages}).
 */
public class DciException extends RuntimeException {

    /** The DCI {@code Error.code} values we use. */
    public enum Code {
        REQUEST_BAD("err.request.bad", 400),
        REQUEST_UNAUTHORIZED("err.request.unauthorized", 401),
        REQUEST_FORBIDDEN("err.request.forbidden", 403),
        REQUEST_NOT_FOUND("err.request.not_found", 404),
        VERSION_NOT_SUPPORTED("err.version.not_supported", 400),
        SENDER_ID_INVALID("err.sender_id.invalid", 400),
        SENDER_URI_INVALID("err.sender_uri.invalid", 400),
        RECEIVER_ID_INVALID("err.receiver_id.invalid", 400),
        SIGNATURE_MISSING("err.signature.missing", 400),
        SIGNATURE_INVALID("err.signature.invalid", 400),
        ENCRYPTION_INVALID("err.encryption.invalid", 400),
        SERVICE_UNAVAILABLE("err.service.unavailable", 503);

        public final String value;
        public final int httpStatus;

        Code(String value, int httpStatus) {
            this.value = value;
            this.httpStatus = httpStatus;
        }
    }

    private final Code code;
    /** A {@code MsgHeaderStatusReasonCode} ({@code rjct.*}) when one names the fault exactly, else null. */
    private final String headerReason;

    public DciException(Code code, String message) {
        this(code, null, message);
    }

    public DciException(Code code, String headerReason, String message) {
        super(message);
        this.code = code;
        this.headerReason = headerReason;
    }

    public Code code() {
        return code;
    }

    public String headerReason() {
        return headerReason;
    }
}
