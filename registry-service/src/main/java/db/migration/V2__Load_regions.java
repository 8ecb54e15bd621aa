package db.migration;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/**
 * Loads the shipped Kemendagri region list (wilayah/wilayah.csv, MIT) with COPY, then derives level
 * and parent in one set-based statement.
 */
public class V2__Load_regions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (var statement = connection.createStatement()) {
            statement.execute("create temporary table region_csv (code text, name text) on commit drop");
        }
        try (var csv = getClass().getClassLoader().getResourceAsStream("wilayah/wilayah.csv")) {
            if (csv == null) {
                throw new IllegalStateException("wilayah/wilayah.csv is missing from the classpath");
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy region_csv (code, name) from stdin with (format csv, header true)",
                    new InputStreamReader(csv, StandardCharsets.UTF_8));
        }
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    insert into region (code, name, level, parent_code)
                    select code, name,
                           array_length(string_to_array(code, '.'), 1),
                           nullif(regexp_replace(code, '\\.?[0-9]+$', ''), '')
                    from region_csv
                    order by length(code), code""");
        }
    }
}
