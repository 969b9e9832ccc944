// C# has no implicit long -> int conversion: "error CS0266: Cannot implicitly convert type 'long' to 'int'".
using System;

class Program
{
    static void Main()
    {
        string[] parts = Console.ReadLine().Split(' ');
        int sum = long.Parse(parts[0]) + long.Parse(parts[1]);
        Console.WriteLine(sum);
    }
}
