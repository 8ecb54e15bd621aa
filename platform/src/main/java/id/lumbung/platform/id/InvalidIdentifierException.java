package id.lumbung.platform.id;

import id.lumbung.platform.problem.ProblemException;

/** An identifier (NIK, No. KK, region code) that does not have the shape its issuer gives it. */
public class InvalidIdentifierException extends ProblemException {

    public InvalidIdentifierException(String field, String detail) {
        super(400, "invalid-identifier", "Invalid identifier", detail, java.util.Map.of("field", field));
    }
}
