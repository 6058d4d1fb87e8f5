package io.scimkit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A test {@link DataSource} that records every prepared statement the store executes, with its
 * parameters (each batch entry on its own), and measures on H2 how many rows those statements
 * read: it runs each again as {@code EXPLAIN ANALYZE} in a transaction that is rolled back and adds
 * up H2's {@code scanCount}s. The count depends on the plans, not on the machine.
 */
final class StatementLog {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    /** One execution: the SQL and its parameters by position (an array parameter as {@code Object[]}). */
    record Execution(String sql, List<Object> parameters) {
    }

    private final DataSource target;
    private final List<Execution> executions = Collections.synchronizedList(new ArrayList<>());

    StatementLog(DataSource target) {
        this.target = target;
    }

    /** The data source to give the store: its prepared statements are recorded. */
    DataSource dataSource() {
        return proxy(DataSource.class, (method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    /** The executions recorded since the last call, and starts a new record. */
    List<Execution> take() {
        synchronized (executions) {
            List<Execution> taken = List.copyOf(executions);
            executions.clear();
            return taken;
        }
    }

    /** The rows H2 reads to run these executions again (on the database as it is now; rolled back). */
    long rowsScanned(List<Execution> recorded) throws SQLException {
        long rows = 0;
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Execution execution : recorded) {
                    try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + execution.sql())) {
                        for (int i = 0; i < execution.parameters().size(); i++) {
                            explain.setObject(i + 1, execution.parameters().get(i));
                        }
                        try (ResultSet plan = explain.executeQuery()) {
                            while (plan.next()) {
                                Matcher count = SCAN_COUNT.matcher(plan.getString(1));
                                while (count.find()) {
                                    rows += Long.parseLong(count.group(1));
                                }
                            }
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return rows;
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, (method, args) -> {
            Object result = method.invoke(connection, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return statement((String) args[0], statement);
            }
            return result;
        });
    }

    private PreparedStatement statement(String sql, PreparedStatement statement) {
        Map<Integer, Object> parameters = new TreeMap<>();
        List<List<Object>> batch = new ArrayList<>();
        return proxy(PreparedStatement.class, (method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                Object value = name.equals("setNull") ? null : args[1];
                parameters.put(index, value instanceof Array array ? array.getArray() : value);
            } else if (name.equals("addBatch") && args == null) {
                batch.add(new ArrayList<>(parameters.values()));
            } else if (name.equals("executeBatch")) {
                batch.forEach(entry -> executions.add(new Execution(sql, entry)));
                batch.clear();
            } else if (name.startsWith("execute") && args == null) {
                executions.add(new Execution(sql, new ArrayList<>(parameters.values())));
            }
            return method.invoke(statement, args);
        });
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
