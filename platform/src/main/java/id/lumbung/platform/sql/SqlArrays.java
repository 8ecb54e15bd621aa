package id.lumbung.platform.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Rows sent to PostgreSQL as one array per column, for set-based writes: {@code insert … select … from
 * unnest(?::uuid[], ?::text[], …)} writes a whole batch in one statement instead of one execution per row.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** The column {@code value} of every row, as a PostgreSQL array of {@code type} (e.g. {@code uuid}, {@code text}). */
    public static <T> Array column(Connection connection, String type, List<T> rows, Function<T, ?> value)
            throws SQLException {
        var values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return connection.createArrayOf(type, values);
    }
}
