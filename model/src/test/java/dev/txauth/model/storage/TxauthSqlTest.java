package dev.txauth.model.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** JPA positions become JDBC's {@code ?} with the parameter each one takes, repeats and two-digit positions included. */
class TxauthSqlTest {

    @Test
    void repeatedPositionsTakeTheSameParameter() {
        TxauthSql.Positional p = TxauthSql.Positional.of(
                "insert into t (a, b, c, d) values (?1, ?2, ?1, ?3) on conflict do update set n = ?2");
        assertEquals("insert into t (a, b, c, d) values (?, ?, ?, ?) on conflict do update set n = ?", p.jdbcSql());
        assertArrayEquals(new int[]{1, 2, 1, 3, 2}, p.order());
    }

    @Test
    void twoDigitPositionsAreOneParameter() {
        TxauthSql.Positional p = TxauthSql.Positional.of("select 1 where x = ?12 and y = ?1");
        assertEquals("select 1 where x = ? and y = ?", p.jdbcSql());
        assertArrayEquals(new int[]{12, 1}, p.order());
    }

    @Test
    void aStatementWithoutParametersIsUnchanged() {
        TxauthSql.Positional p = TxauthSql.Positional.of("delete from t");
        assertEquals("delete from t", p.jdbcSql());
        assertArrayEquals(new int[0], p.order());
    }
}
