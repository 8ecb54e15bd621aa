package id.lumbung.registry.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** Rows into one staging table through COPY (CSV mode): streamed, never held whole in memory. */
final class CopyWriter implements AutoCloseable {

    private final PGCopyOutputStream copy;
    private final BufferedWriter out;
    private boolean done;

    CopyWriter(Connection connection, String table, String columns) throws SQLException {
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy " + table + " (" + columns + ") from stdin with (format csv)", 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Starts a row with its leading values (line number and such), already CSV-safe. */
    CopyWriter raw(String text) throws IOException {
        out.write(text);
        return this;
    }

    /** Appends one field: null stays an empty unquoted field (NULL), anything else is quoted. */
    CopyWriter field(String value) throws IOException {
        out.write(',');
        if (value != null) {
            out.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    out.write("\"\"");
                } else if (c != 0) {
                    out.write(c);
                }
            }
            out.write('"');
        }
        return this;
    }

    CopyWriter end() throws IOException {
        out.write('\n');
        return this;
    }

    /** Completes the COPY; returns the rows the server took. */
    long finish() throws IOException, SQLException {
        out.flush();
        done = true;
        return copy.endCopy();
    }

    @Override
    public void close() {
        if (!done) {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the connection goes back to the pool either way; the staging partition is dropped
            }
        }
    }
}
