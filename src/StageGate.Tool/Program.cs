Console.WriteLine("stagegate");
