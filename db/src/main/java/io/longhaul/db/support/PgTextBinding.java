package io.longhaul.db.support;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Objects;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.DSL;

/**
 * Binds a PostgreSQL type that has a canonical text form (inet, cidr, macaddr) to a Java String,
 * casting on the way in. The open-source jOOQ has no such types, and the extensions artifact is not
 * on the Central copy this project builds from.
 */
abstract class PgTextBinding implements Binding<Object, String> {

  private final String pgType;

  PgTextBinding(String pgType) {
    this.pgType = pgType;
  }

  @Override
  public Converter<Object, String> converter() {
    return Converter.ofNullable(Object.class, String.class, Object::toString, s -> s);
  }

  @Override
  public void sql(BindingSQLContext<String> ctx) throws SQLException {
    ctx.render().visit(DSL.sql("?::" + pgType));
  }

  @Override
  public void register(BindingRegisterContext<String> ctx) throws SQLException {
    ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
  }

  @Override
  public void set(BindingSetStatementContext<String> ctx) throws SQLException {
    ctx.statement().setString(ctx.index(), Objects.toString(ctx.value(), null));
  }

  @Override
  public void get(BindingGetResultSetContext<String> ctx) throws SQLException {
    ctx.value(ctx.resultSet().getString(ctx.index()));
  }

  @Override
  public void get(BindingGetStatementContext<String> ctx) throws SQLException {
    ctx.value(ctx.statement().getString(ctx.index()));
  }

  @Override
  public void set(BindingSetSQLOutputContext<String> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public void get(BindingGetSQLInputContext<String> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }
}
