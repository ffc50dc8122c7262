namespace StageGate.Processes;

/// <summary>The last lines of one output stream, at most <c>capacity</c> of them.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        if (capacity == 0)
        {
            return;
        }
        if (_lines.Count == capacity)
        {
            _lines.Dequeue();
        }
        _lines.Enqueue(line);
    }

    public IReadOnlyList<string> ToList() => [.. _lines];
}
