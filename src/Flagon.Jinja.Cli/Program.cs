Console.WriteLine("flagon-jinja");
