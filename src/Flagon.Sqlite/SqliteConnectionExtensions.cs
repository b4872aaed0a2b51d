using System.Text;
using Microsoft.Data.Sqlite;

namespace Flagon.Sqlite;

/// <summary>
/// Python <c>sqlite3</c>-style helpers on a connection: <c>?</c> placeholders bound in order, rows read by column
/// name (<see cref="SqliteRow"/>), and scripts of several statements.
/// </summary>
public static class SqliteConnectionExtensions
{
    /// <summary>Runs a statement (INSERT, UPDATE, DELETE…) with <c>?</c> placeholders; returns the rows changed.</summary>
    public static int Execute(this SqliteConnection connection, string sql, params object?[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and returns all its rows.</summary>
    public static List<SqliteRow> FetchAll(this SqliteConnection connection, string sql, params object?[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<SqliteRow>();
        while (reader.Read())
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    /// <summary>Runs a query and returns its first row, or null when it has none.</summary>
    public static SqliteRow? FetchOne(this SqliteConnection connection, string sql, params object?[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    /// <summary>Runs a query and returns the first column of its first row (null when there is no row or the value is NULL).</summary>
    public static object? Scalar(this SqliteConnection connection, string sql, params object?[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a script of several statements separated by semicolons (Python's <c>executescript</c>).</summary>
    public static void ExecuteScript(this SqliteConnection connection, string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var command = connection.CreateCommand();
        command.CommandText = script;
        command.ExecuteNonQuery();
    }

    /// <summary>True for a constraint violation (UNIQUE, NOT NULL, FOREIGN KEY…): Python's <c>sqlite3.IntegrityError</c>.</summary>
    public static bool IsIntegrityError(this SqliteException exception) => exception.SqliteErrorCode == 19;

    /// <summary>Reads the reader's current row, applying <see cref="SqliteConverters"/> by declared column type.</summary>
    public static SqliteRow ReadRow(SqliteDataReader reader)
    {
        var names = new string[reader.FieldCount];
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
            values[i] = reader.IsDBNull(i) ? null : SqliteConverters.Convert(reader.GetDataTypeName(i), reader.GetValue(i));
        }

        return new SqliteRow(names, values);
    }

    /// <summary>A command for <paramref name="sql"/> with each plain <c>?</c> placeholder bound to the next parameter.</summary>
    public static SqliteCommand CreateCommand(SqliteConnection connection, string sql, IReadOnlyList<object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        var (text, count) = NumberPlaceholders(sql);
        if (count != parameters.Count)
        {
            throw new ArgumentException($"Incorrect number of bindings supplied. The statement uses {count}, and there are {parameters.Count} supplied.", nameof(parameters));
        }

        var command = connection.CreateCommand();
        command.CommandText = text;
        for (var i = 0; i < count; i++)
        {
            command.Parameters.AddWithValue("@__p" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), parameters[i] ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Rewrites plain <c>?</c> placeholders (outside strings, quoted names and comments) as <c>@__p1</c>, <c>@__p2</c>…</summary>
    internal static (string Sql, int Count) NumberPlaceholders(string sql)
    {
        var builder = new StringBuilder(sql.Length + 16);
        var count = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            switch (c)
            {
                case '\'' or '"' or '`':
                    {
                        var end = sql.IndexOf(c, i + 1);
                        while (end >= 0 && end + 1 < sql.Length && sql[end + 1] == c)
                        {
                            end = sql.IndexOf(c, end + 2);
                        }

                        end = end < 0 ? sql.Length : end + 1;
                        builder.Append(sql, i, end - i);
                        i = end;
                        continue;
                    }
                case '[':
                    {
                        var end = sql.IndexOf(']', i + 1);
                        end = end < 0 ? sql.Length : end + 1;
                        builder.Append(sql, i, end - i);
                        i = end;
                        continue;
                    }
                case '-' when i + 1 < sql.Length && sql[i + 1] == '-':
                    {
                        var end = sql.IndexOf('\n', i);
                        end = end < 0 ? sql.Length : end + 1;
                        builder.Append(sql, i, end - i);
                        i = end;
                        continue;
                    }
                case '/' when i + 1 < sql.Length && sql[i + 1] == '*':
                    {
                        var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                        end = end < 0 ? sql.Length : end + 2;
                        builder.Append(sql, i, end - i);
                        i = end;
                        continue;
                    }
                case '?' when i + 1 >= sql.Length || !char.IsAsciiDigit(sql[i + 1]):
                    count++;
                    builder.Append("@__p").Append(count);
                    i++;
                    continue;
                default:
                    builder.Append(c);
                    i++;
                    continue;
            }
        }

        return (builder.ToString(), count);
    }
}
