using System.Globalization;
using Nurture.Storage.Tables;

namespace Nurture.Storage.InMemory;

/// <summary>
/// Evaluates the OData <c>$filter</c> subset the Table service supports (comparisons, <c>and</c>/<c>or</c>/
/// <c>not</c>, parentheses, typed literals) against an entity, so the in-memory twin answers queries the
/// way the service does, including comparing only values of the same type.
/// </summary>
internal sealed partial class ODataFilterEvaluator
{
    private readonly Node _root;

    private ODataFilterEvaluator(Node root) => _root = root;

    public static ODataFilterEvaluator Parse(string filter) => new(new Parser(filter).ParseExpression());

    public bool Matches(TableEntity entity) => _root.Evaluate(entity) is true;

    private abstract record Node
    {
        public abstract object? Evaluate(TableEntity entity);
    }

    private sealed record Literal(object Value) : Node
    {
        public override object? Evaluate(TableEntity entity) => Value;
    }

    private sealed record Property(string Name) : Node
    {
        public override object? Evaluate(TableEntity entity) => Name switch
        {
            "PartitionKey" => entity.PartitionKey,
            "RowKey" => entity.RowKey,
            "Timestamp" => entity.Timestamp,
            _ => entity[Name],
        };
    }

    private sealed record Not(Node Operand) : Node
    {
        public override object? Evaluate(TableEntity entity) => Operand.Evaluate(entity) is bool b ? !b : null;
    }

    private sealed record Logical(string Op, Node Left, Node Right) : Node
    {
        public override object? Evaluate(TableEntity entity)
        {
            var left = Left.Evaluate(entity) is true;
            return Op == "and" ? left && Right.Evaluate(entity) is true : left || Right.Evaluate(entity) is true;
        }
    }

    private sealed record Comparison(string Op, Node Left, Node Right) : Node
    {
        public override object? Evaluate(TableEntity entity)
        {
            var left = Left.Evaluate(entity);
            var right = Right.Evaluate(entity);
            if (left is null || right is null)
            {
                // A missing property matches no comparison, as on the service.
                return false;
            }

            int? order = Compare(left, right);
            if (order is null)
            {
                return false;
            }

            return Op switch
            {
                "eq" => order == 0,
                "ne" => order != 0,
                "gt" => order > 0,
                "ge" => order >= 0,
                "lt" => order < 0,
                "le" => order <= 0,
                _ => false,
            };
        }

        private static int? Compare(object left, object right) => (left, right) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (int a, int b) => a.CompareTo(b),
            (long a, long b) => a.CompareTo(b),
            (int a, long b) => ((long)a).CompareTo(b),
            (long a, int b) => a.CompareTo((long)b),
            (double a, double b) => a.CompareTo(b),
            (double a, int b) => a.CompareTo(b),
            (int a, double b) => ((double)a).CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks.CompareTo(b.UtcTicks),
            (Guid a, Guid b) => string.CompareOrdinal(a.ToString("D"), b.ToString("D")),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            _ => null,
        };
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public Node ParseExpression()
        {
            var node = ParseOr();
            SkipSpace();
            if (_pos != text.Length)
            {
                throw Error("unexpected text");
            }

            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                left = new Logical("or", left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseUnary();
            while (TryKeyword("and"))
            {
                left = new Logical("and", left, ParseUnary());
            }

            return left;
        }

        private Node ParseUnary()
        {
            if (TryKeyword("not"))
            {
                return new Not(ParseUnary());
            }

            var left = ParsePrimary();
            foreach (var op in (ReadOnlySpan<string>)["eq", "ne", "gt", "ge", "lt", "le"])
            {
                if (TryKeyword(op))
                {
                    return new Comparison(op, left, ParsePrimary());
                }
            }

            return left;
        }

        private Node ParsePrimary()
        {
            SkipSpace();
            if (_pos >= text.Length)
            {
                throw Error("expression ends early");
            }

            var c = text[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                SkipSpace();
                Expect(')');
                return inner;
            }

            if (c == '\'')
            {
                return new Literal(ReadQuoted());
            }

            if (char.IsDigit(c) || c == '-')
            {
                return new Literal(ReadNumber());
            }

            var word = ReadWord();
            switch (word)
            {
                case "true":
                    return new Literal(true);
                case "false":
                    return new Literal(false);
                case "datetime":
                    return new Literal(TableWireFormat.ParseDateTime(ReadQuoted()));
                case "guid":
                    return new Literal(Guid.Parse(ReadQuoted()));
                case "X" or "binary":
                    return new Literal(Convert.FromHexString(ReadQuoted()));
                case "":
                    throw Error("expected a value or property");
                default:
                    return new Property(word);
            }
        }

        private object ReadNumber()
        {
            var start = _pos;
            if (text[_pos] == '-')
            {
                _pos++;
            }

            while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] is '.' or 'E' or 'e' or '+' || (text[_pos] == '-' && text[_pos - 1] is 'E' or 'e')))
            {
                _pos++;
            }

            var number = text[start.._pos];
            if (_pos < text.Length && text[_pos] == 'L')
            {
                _pos++;
                return long.Parse(number, CultureInfo.InvariantCulture);
            }

            if (number.Contains('.', StringComparison.Ordinal) || number.Contains('E', StringComparison.OrdinalIgnoreCase))
            {
                return double.Parse(number, CultureInfo.InvariantCulture);
            }

            return int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? i
                : long.Parse(number, CultureInfo.InvariantCulture);
        }

        private string ReadQuoted()
        {
            Expect('\'');
            var sb = new System.Text.StringBuilder();
            while (true)
            {
                if (_pos >= text.Length)
                {
                    throw Error("unterminated string");
                }

                var c = text[_pos++];
                if (c == '\'')
                {
                    if (_pos < text.Length && text[_pos] == '\'')
                    {
                        sb.Append('\'');
                        _pos++;
                        continue;
                    }

                    return sb.ToString();
                }

                sb.Append(c);
            }
        }

        private string ReadWord()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        private bool TryKeyword(string keyword)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, keyword, 0, keyword.Length) == 0 &&
                (_pos + keyword.Length == text.Length || !char.IsLetterOrDigit(text[_pos + keyword.Length])))
            {
                _pos += keyword.Length;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (_pos >= text.Length || text[_pos] != c)
            {
                throw Error($"expected '{c}'");
            }

            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }
        }

        private StorageRequestException Error(string what) =>
            new(400, "InvalidInput", null, $"The filter is not valid at position {_pos}: {what}.");
    }
}
