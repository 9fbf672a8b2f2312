package io.sofastack.qa;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** An H2 file database migrated by the application's Flyway scripts, for tests that build the parts by hand. */
public final class MigratedH2 {

    private MigratedH2() {
    }

    /** @param file the database file, without H2's {@code .mv.db} ending */
    public static DataSource at(Path file) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + file.toAbsolutePath());
        database.setUser("sa");
        Flyway.configure().dataSource(database).load().migrate();
        return database;
    }
}
