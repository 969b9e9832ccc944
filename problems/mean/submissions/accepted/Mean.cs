// A class not called Program or Main: mono runs whichever class has static Main.
using System;
using System.Globalization;
using System.IO;

public static class MeanOfNumbers
{
    public static void Main()
    {
        var input = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.ASCII, false, 1 << 16);
        int n = int.Parse(input.ReadLine().Trim());
        string[] tokens = input.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += double.Parse(tokens[i], CultureInfo.InvariantCulture);
        Console.WriteLine((sum / n).ToString("F9", CultureInfo.InvariantCulture));
    }
}
