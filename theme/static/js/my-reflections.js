// placeholder: my-reflections
