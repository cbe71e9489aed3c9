namespace IamEndpoint.Account;

/// <summary>
/// Items kept in ordinal order of a string key, with lookup by key and enumeration from a key onwards, so a page
/// starts where its marker points without walking the items before it.
/// </summary>
internal sealed class SortedIndex<T>(Func<T, string> keyOf)
    where T : class
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    public bool TryGet(string key, out T item) => _items.TryGetValue(key, out item!);

    public bool Contains(string key) => _items.ContainsKey(key);

    public void Add(T item)
    {
        string key = keyOf(item);
        _items.Add(key, item);
        int index = _keys.BinarySearch(key, StringComparer.Ordinal);
        _keys.Insert(~index, key);
    }

    public bool Remove(T item)
    {
        string key = keyOf(item);
        if (!_items.Remove(key))
        {
            return false;
        }

        _keys.RemoveAt(_keys.BinarySearch(key, StringComparer.Ordinal));
        return true;
    }

    /// <summary>The items whose key is at or after <paramref name="startKey"/>; all of them for null.</summary>
    public IEnumerable<T> From(string? startKey)
    {
        int start = 0;
        if (startKey is not null)
        {
            int found = _keys.BinarySearch(startKey, StringComparer.Ordinal);
            start = found >= 0 ? found : ~found;
        }

        for (int i = start; i < _keys.Count; i++)
        {
            yield return _items[_keys[i]];
        }
    }
}
