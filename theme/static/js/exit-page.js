// placeholder: exit-page
