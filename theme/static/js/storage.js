// placeholder: storage
